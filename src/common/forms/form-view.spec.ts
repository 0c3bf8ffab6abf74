import { FormContext, FormView, formViewTemplate } from './form-view';

class OtherController {
  async pageContext(): Promise<FormContext> {
    return {};
  }
}

describe('FormView', () => {
  it('keeps the template to render again', () => {
    class SomeController {
      @FormView('some/form', { context: SomeController.prototype.formContext })
      save() {}

      async formContext(): Promise<FormContext> {
        return {};
      }
    }
    expect(formViewTemplate(SomeController.prototype.save)).toBe('some/form');
  });

  it("refuses another class's method as the context, which would run with the wrong this", () => {
    expect(() => {
      class SomeController {
        @FormView('some/form', { context: OtherController.prototype.pageContext })
        save() {}
      }
      return SomeController;
    }).toThrow('@FormView on SomeController.save: context must be a method of SomeController');
  });
});
