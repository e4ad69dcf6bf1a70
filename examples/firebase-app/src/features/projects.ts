import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDocs,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  updateDoc,
  where,
  type Timestamp,
} from 'firebase/firestore';
import { db } from '../firebase';

export interface Project {
  id: string;
  name: string;
  ownerId: string;
  archived: boolean;
  updatedAt: Timestamp | null;
}

export interface Task {
  id: string;
  title: string;
  done: boolean;
}

function ownedBy(uid: string) {
  return query(collection(db, 'projects'), where('ownerId', '==', uid), orderBy('updatedAt', 'desc'));
}

export async function listProjects(uid: string): Promise<Project[]> {
  const snapshot = await getDocs(ownedBy(uid));
  return snapshot.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<Project, 'id'>) }));
}

export function watchProjects(uid: string, onChange: (projects: Project[]) => void, onError: (err: Error) => void): () => void {
  return onSnapshot(
    ownedBy(uid),
    (snapshot) => onChange(snapshot.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<Project, 'id'>) }))),
    onError,
  );
}

export async function createProject(uid: string, name: string): Promise<string> {
  const ref = await addDoc(collection(db, 'projects'), {
    name: name.trim(),
    ownerId: uid,
    archived: false,
    updatedAt: serverTimestamp(),
  });
  return ref.id;
}

export async function renameProject(projectId: string, name: string): Promise<void> {
  await updateDoc(doc(db, 'projects', projectId), { name: name.trim(), updatedAt: serverTimestamp() });
}

export async function deleteProject(projectId: string): Promise<void> {
  await deleteDoc(doc(db, 'projects', projectId));
}

export async function addTask(projectId: string, title: string): Promise<void> {
  await addDoc(collection(db, 'projects', projectId, 'tasks'), { title, done: false });
  await updateDoc(doc(db, 'projects', projectId), { updatedAt: serverTimestamp() });
}

export async function toggleTask(projectId: string, task: Task): Promise<void> {
  await updateDoc(doc(db, 'projects', projectId, 'tasks', task.id), { done: !task.done });
}
