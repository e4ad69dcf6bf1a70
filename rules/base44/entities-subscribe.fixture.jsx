import { useEffect, useState } from 'react';
import { createClient } from '@base44/sdk';

const base44 = createClient({ appId: 'demo-app' });
const localStore = { entities: { Task: { subscribe: () => () => {} } } };

export function TaskFeed() {
  const [events, setEvents] = useState([]);

  useEffect(() => {
    // ruleid: base44/entities-subscribe
    const stop = base44.entities.Task.subscribe((event) => setEvents((e) => [...e, event.type]));
    // ok: base44/entities-subscribe
    const stopLocal = localStore.entities.Task.subscribe(() => {});
    // ok: base44/entities-subscribe
    base44.entities.Task.list('-updated_date', 20).then(() => {});
    return () => {
      stop();
      stopLocal();
    };
  }, []);

  useEffect(() => {
    const { Comment } = base44.entities;
    // ruleid: base44/entities-subscribe
    return Comment.subscribe((event) => setEvents((e) => [...e, event.id]));
  }, []);

  // ok: base44/entities-subscribe
  const help = 'base44.entities.Task.subscribe(cb) streams changes';
  return <pre title={help}>{events.join('\n')}</pre>;
}
