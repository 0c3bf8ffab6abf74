import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { FilesModule } from '../files/files.module';
import { UsersModule } from '../users/users.module';
import { LearningMaterial } from './entities/learning-material.entity';
import { MaterialsEditorController } from './materials-editor.controller';
import { MaterialsApiController } from './materials.api.controller';
import { MaterialsController } from './materials.controller';
import { MaterialsDemoSeeder } from './materials.demo-seeder';
import { MaterialsRepository } from './materials.repository';
import { MaterialsService } from './materials.service';

/** Open learning materials (học liệu mở): editors share them, anyone browses, portals harvest. */
@Module({
  imports: [TypeOrmModule.forFeature([LearningMaterial]), CatalogModule, FilesModule, UsersModule],
  controllers: [MaterialsEditorController, MaterialsController, MaterialsApiController],
  providers: [MaterialsRepository, MaterialsService, MaterialsDemoSeeder],
  exports: [MaterialsService, MaterialsDemoSeeder],
})
export class MaterialsModule {}
