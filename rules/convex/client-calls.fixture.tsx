import { useQuery, useMutation } from 'convex/react';
import { ConvexHttpClient } from 'convex/browser';
import { fetchQuery } from 'convex/nextjs';
import { api } from '../convex/_generated/api';

const http = new ConvexHttpClient('https://happy-animal-123.convex.cloud');

export function Tasks() {
  // ruleid: convex/client-calls
  const tasks = useQuery(api.tasks.list);
  // ruleid: convex/client-calls
  const add = useMutation(api.tasks.add);
  return <ul onClick={() => add({ text: 'x' })}>{tasks?.length}</ul>;
}

export async function serverList() {
  // ruleid: convex/client-calls
  await fetchQuery(api.tasks.list, {});
  // ruleid: convex/client-calls
  return http.query(api.tasks.list, {});
}

function useQueryLocal(key: string) {
  return key;
}
// ok: convex/client-calls
export const local = useQueryLocal('tasks');
