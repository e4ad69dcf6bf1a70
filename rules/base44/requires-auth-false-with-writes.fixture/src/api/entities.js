import { base44 } from './base44Client';

export const Task = base44.entities.Task;
