// A function in its own folder.
// ruleid: netlify/function-files
export default async () => new Response('nested');
