import { base44 } from './base44Client';

export const Deal = base44.entities.Deal;

export const Contact = base44.entities.Contact;

export const Activity = base44.entities.Activity;

// auth sdk:
export const User = base44.auth;
