import { initializeApp } from 'firebase/app';
import { getFirestore } from 'firebase/firestore';

export const db = getFirestore(initializeApp({ projectId: 'demo-club' }));
