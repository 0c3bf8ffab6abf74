import { Module } from '@nestjs/common';
import { MaterialsDemoSeeder } from './materials.demo-seeder';

@Module({ imports: [], controllers: [], providers: [MaterialsDemoSeeder], exports: [MaterialsDemoSeeder] })
export class MaterialsModule {}
