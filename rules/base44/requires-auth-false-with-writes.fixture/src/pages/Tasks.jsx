import { Task } from '@/api/entities';
import { catalogue } from '@/api/publicClient';
import { members } from '@/api/memberClient';

export default function Tasks() {
  async function add(title) {
    await Task.create({ title });
  }
  async function load() {
    return catalogue.entities.Product.list();
  }
  async function rename(id, title) {
    return members.entities.Task.update(id, { title });
  }
  return <button onClick={() => add('new')}>{String(load) + String(rename)}</button>;
}
