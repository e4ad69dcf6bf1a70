// Ordinary ids and names of the app's own.
// ok: amplify/generated-names
export const sku = 'Lamp-2024-blue';
// ok: amplify/generated-names
export const order = 'Order-123e4567-e89b-12d3-a456-426614174000';
