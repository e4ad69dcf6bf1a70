import { base44 } from './base44Client';

export const Deal = base44.entities.Deal;

export const User = base44.auth;
