import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StoredFile } from './entities/stored-file.entity';
import { FilesRepository } from './files.repository';
import { FilesService } from './files.service';
import { OrphanFilesSweep } from './orphan-files.sweep';

/**
 * The upload store: FileUploadInterceptor (file-upload.ts) receives a file, FilesService checks it by
 * its bytes, keeps it and sends it back. Owners (courses, materials…) decide who may download.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StoredFile])],
  providers: [FilesRepository, FilesService, OrphanFilesSweep],
  exports: [FilesService, OrphanFilesSweep],
})
export class FilesModule {}
