// The lesson editor: a TipTap (ProseMirror) editor over the lesson form's textarea. Bundled by
// scripts/build-editor.mjs into public/js/lesson-editor.js and loaded by the lesson form only.
// Without JavaScript the textarea works as before; with it, the editor writes its HTML into the
// textarea, and the server's sanitiser (src/catalog/lesson-content.ts) still decides what is kept.
// Everything the toolbar makes is HTML that sanitiser keeps unchanged (test/browser/lesson-editor).
import { Editor, mergeAttributes, Node } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

const LINK = /^(https?:\/\/|mailto:)/i;
const OWN_FILE = /^\/catalog\/files\/\d+$/;

// The table as the sanitiser keeps it: no inline style, no <colgroup> (TipTap's default adds both).
const PlainTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    const { style: _style, ...attributes } = HTMLAttributes;
    return ['table', attributes, ['tbody', 0]];
  },
});

// Images from this application's files or https, as the sanitiser allows; no data: addresses.
const LessonImage = Image.extend({
  parseHTML() {
    return [
      {
        tag: 'img[src]',
        getAttrs: (el) =>
          OWN_FILE.test(el.getAttribute('src')) || /^https:\/\//i.test(el.getAttribute('src')) ? null : false,
      },
    ];
  },
});

// A video block: one of this application's files in the browser's own player, exactly as the
// sanitiser keeps it (<video controls preload="metadata" src title>); never autoplay, never remote.
const LessonVideo = Node.create({
  name: 'video',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: null },
      title: { default: null },
    };
  },
  parseHTML() {
    return [{ tag: 'video[src]', getAttrs: (el) => (OWN_FILE.test(el.getAttribute('src')) ? null : false) }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['video', mergeAttributes({ controls: '', preload: 'metadata' }, HTMLAttributes)];
  },
  addCommands() {
    return {
      setVideo:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
});

function start(root) {
  const textarea = document.getElementById(root.dataset.textarea);
  const form = textarea.form;
  const surface = root.querySelector('.lesson-editor-surface');
  const status = root.querySelector('.lesson-editor-status');
  const say = (message) => {
    status.textContent = message;
  };

  const editor = new Editor({
    element: surface,
    // Under the app's CSP (style-src 'self') an injected <style> would be refused: lesson-editor.css has it.
    injectCSS: false,
    content: textarea.value,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        link: {
          openOnClick: false,
          // Links come from the toolbar (or pasting an address over text); typed addresses stay text,
          // and text typed after a link does not join it.
          autolink: false,
          defaultProtocol: 'https',
          HTMLAttributes: { target: null, rel: 'noopener noreferrer', class: null },
          isAllowedUri: (url) => LINK.test(url),
        },
      }),
      PlainTable.configure({ resizable: false }),
      TableRow,
      TableHeader,
      TableCell,
      LessonImage,
      LessonVideo,
    ],
    editorProps: {
      attributes: {
        class: 'lesson-editor-content catalog-body',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': root.dataset.label,
        'aria-describedby': root.dataset.hint,
      },
    },
  });

  const write = () => {
    textarea.value = editor.isEmpty ? '' : editor.getHTML();
  };
  editor.on('update', write);
  form.addEventListener('submit', write);

  const buttons = [...root.querySelectorAll('button[data-command]')];
  const commands = {
    paragraph: () => editor.chain().focus().setParagraph().run(),
    h2: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    h3: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    h4: () => editor.chain().focus().toggleHeading({ level: 4 }).run(),
    bold: () => editor.chain().focus().toggleBold().run(),
    italic: () => editor.chain().focus().toggleItalic().run(),
    underline: () => editor.chain().focus().toggleUnderline().run(),
    bulletList: () => editor.chain().focus().toggleBulletList().run(),
    orderedList: () => editor.chain().focus().toggleOrderedList().run(),
    blockquote: () => editor.chain().focus().toggleBlockquote().run(),
    link: () => editLink(),
    table: () => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    addRow: () => editor.chain().focus().addRowAfter().run(),
    deleteRow: () => editor.chain().focus().deleteRow().run(),
    addColumn: () => editor.chain().focus().addColumnAfter().run(),
    deleteColumn: () => editor.chain().focus().deleteColumn().run(),
    deleteTable: () => editor.chain().focus().deleteTable().run(),
    image: () => root.querySelector('.lesson-editor-file').click(),
    video: () => root.querySelector('.lesson-editor-video-file').click(),
  };
  // Which toggle is "on" where the cursor is (aria-pressed), and which commands apply there.
  const pressed = {
    paragraph: () =>
      editor.isActive('paragraph') && !editor.isActive('bulletList') && !editor.isActive('orderedList'),
    h2: () => editor.isActive('heading', { level: 2 }),
    h3: () => editor.isActive('heading', { level: 3 }),
    h4: () => editor.isActive('heading', { level: 4 }),
    bold: () => editor.isActive('bold'),
    italic: () => editor.isActive('italic'),
    underline: () => editor.isActive('underline'),
    bulletList: () => editor.isActive('bulletList'),
    orderedList: () => editor.isActive('orderedList'),
    blockquote: () => editor.isActive('blockquote'),
    link: () => editor.isActive('link'),
  };
  const inTable = new Set(['addRow', 'deleteRow', 'addColumn', 'deleteColumn', 'deleteTable']);
  const refresh = () => {
    const table = editor.isActive('table');
    for (const button of buttons) {
      const name = button.dataset.command;
      if (pressed[name]) button.setAttribute('aria-pressed', String(pressed[name]()));
      if (inTable.has(name)) button.disabled = !table;
    }
  };
  editor.on('transaction', refresh);
  for (const button of buttons) {
    // A click keeps the cursor in the text: what is typed next goes where it was.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      commands[button.dataset.command]();
      refresh();
    });
  }

  function editLink() {
    const current = editor.getAttributes('link').href ?? '';
    const answer = window.prompt(root.dataset.linkPrompt, current || 'https://');
    if (answer === null) return editor.commands.focus();
    const href = answer.trim();
    if (href === '' || href === 'https://')
      return editor.chain().focus().extendMarkRange('link').unsetLink().run();
    if (!LINK.test(href)) {
      say(root.dataset.linkInvalid);
      return editor.commands.focus();
    }
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: the address becomes the link's text.
      return editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .run();
    }
    return editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
  }

  const fileInput = root.querySelector('.lesson-editor-file');
  fileInput?.addEventListener('change', async () => {
    const file = fileInput.files[0];
    fileInput.value = '';
    if (!file) return;
    const alt = window.prompt(root.dataset.altPrompt, '');
    if (alt === null) return editor.commands.focus();
    say(root.dataset.uploading);
    try {
      const src = await upload(file, root.dataset.upload);
      editor.chain().focus().setImage({ src, alt: alt.trim() }).run();
      say(root.dataset.uploaded);
    } catch (error) {
      say(error.message || root.dataset.uploadFailed);
      editor.commands.focus();
    }
  });

  // Videos go to the lesson's video route, which keeps MP4 and WebM only (checked by their bytes);
  // a refusal says in Vietnamese what the file really is.
  const videoInput = root.querySelector('.lesson-editor-video-file');
  videoInput?.addEventListener('change', async () => {
    const file = videoInput.files[0];
    videoInput.value = '';
    if (!file) return;
    // The file's name is offered as the title, so a video is never left without an accessible name.
    const title = window.prompt(root.dataset.videoPrompt, file.name.replace(/\.[^.]+$/, ''));
    if (title === null) return editor.commands.focus();
    say(root.dataset.videoUploading);
    try {
      const src = await upload(file, root.dataset.videoUpload);
      editor
        .chain()
        .focus()
        .setVideo({ src, title: title.trim() || null })
        .run();
      say(root.dataset.videoUploaded);
    } catch (error) {
      say(error.message || root.dataset.uploadFailed);
      editor.commands.focus();
    }
  });

  // The lesson's attach-file (or video) form, sent by script: the server answers with the lesson
  // page, whose address names the new file (?file=<id>); a refusal comes back as the page with its message.
  async function upload(file, to) {
    const body = new FormData();
    body.append('_csrf', form.querySelector('input[name="_csrf"]').value);
    body.append('file', file);
    const response = await fetch(to, { method: 'POST', body, credentials: 'same-origin' });
    const id = new URL(response.url).searchParams.get('file');
    if (response.ok && id && /^\d+$/.test(id)) return `/catalog/files/${id}`;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const message = page.querySelector('#e-file, .form-message')?.textContent?.trim();
    throw new Error(message || root.dataset.uploadFailed);
  }

  textarea.hidden = true;
  root.querySelector('.lesson-editor-nojs-hint')?.setAttribute('hidden', '');
  root.hidden = false;
  for (const hint of document.querySelectorAll('[data-without-editor]')) hint.hidden = true;
  refresh();
  root.lessonEditor = editor;
}

for (const root of document.querySelectorAll('.lesson-editor')) start(root);
