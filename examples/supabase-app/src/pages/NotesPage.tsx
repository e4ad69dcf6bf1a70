import { FormEvent, useEffect, useState } from 'react';
import type { User } from '@supabase/supabase-js';
import { currentUser, onSessionChange, signIn, signOut } from '../features/auth';
import { createNote, deleteNote, listNotes, type Note } from '../features/notes';
import { watchNotes } from '../features/realtime';

export default function NotesPage() {
  const [user, setUser] = useState<User | null>(null);
  const [notes, setNotes] = useState<Note[]>([]);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    currentUser().then(setUser);
    return onSessionChange((_event, session) => setUser(session?.user ?? null));
  }, []);

  useEffect(() => {
    if (!user) return undefined;
    listNotes().then(setNotes).catch((err: Error) => setError(err.message));
    return watchNotes(user.id, () => {
      listNotes().then(setNotes).catch((err: Error) => setError(err.message));
    });
  }, [user?.id]);

  async function handleLogin(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      setUser(await signIn(String(form.get('email')), String(form.get('password'))));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function handleCreate(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return;
    try {
      await createNote({ title: title.trim(), body: '' });
      setTitle('');
    } catch (err) {
      setError((err as Error).message);
    }
  }

  if (!user) {
    return (
      <form onSubmit={handleLogin}>
        <input name="email" type="email" placeholder="Email" required />
        <input name="password" type="password" placeholder="Password" required />
        <button type="submit">Sign in</button>
        {error && <p role="alert">{error}</p>}
      </form>
    );
  }

  return (
    <main>
      <header>
        <span>{user.email}</span>
        <button type="button" onClick={() => signOut()}>Sign out</button>
      </header>
      <form onSubmit={handleCreate}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="New note title" />
        <button type="submit">Add</button>
      </form>
      {error && <p role="alert">{error}</p>}
      <ul>
        {notes.map((note) => (
          <li key={note.id}>
            {note.title}
            <button type="button" onClick={() => deleteNote(note.id).catch((err: Error) => setError(err.message))}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
