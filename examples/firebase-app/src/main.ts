import { signInWithGoogle, signOutUser, watchUser } from './features/auth';
import { createProject, watchProjects, type Project } from './features/projects';

const signInButton = document.querySelector<HTMLButtonElement>('#sign-in')!;
const signOutButton = document.querySelector<HTMLButtonElement>('#sign-out')!;
const form = document.querySelector<HTMLFormElement>('#new-project')!;
const list = document.querySelector<HTMLUListElement>('#projects')!;

let stopWatching: (() => void) | null = null;
let currentUid: string | null = null;

function render(projects: Project[]) {
  list.replaceChildren(
    ...projects.map((p) => {
      const item = document.createElement('li');
      item.textContent = p.archived ? `${p.name} (archived)` : p.name;
      return item;
    }),
  );
}

watchUser((user) => {
  stopWatching?.();
  stopWatching = null;
  currentUid = user?.uid ?? null;
  signInButton.hidden = Boolean(user);
  signOutButton.hidden = !user;
  form.hidden = !user;
  if (user) {
    stopWatching = watchProjects(user.uid, render, (err) => console.error('Project listener failed', err));
  } else {
    render([]);
  }
});

signInButton.addEventListener('click', () => {
  signInWithGoogle().catch((err) => alert(`Sign-in failed: ${err.message}`));
});
signOutButton.addEventListener('click', () => void signOutUser());

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = new FormData(form).get('name');
  if (!currentUid || typeof name !== 'string' || !name.trim()) return;
  await createProject(currentUid, name);
  form.reset();
});
