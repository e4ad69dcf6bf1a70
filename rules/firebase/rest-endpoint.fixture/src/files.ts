const bucket = 'sketches.appspot.com'

export async function download(path: string) {
  // ruleid: firebase/rest-endpoint
  const url = `https://firebasestorage.googleapis.com/v0/b/${bucket}/o/${encodeURIComponent(path)}?alt=media`
  return fetch(url)
}

// ok: firebase/rest-endpoint
export const fonts = 'https://fonts.googleapis.com/css?family=Inter'
