/** @type {import('next').NextConfig} */
module.exports = {
  images: {
    remotePatterns: [
      // ruleid: vercel/blob-host
      { protocol: 'https', hostname: '**.public.blob.vercel-storage.com' },
      // ok: vercel/blob-host
      { protocol: 'https', hostname: 'images.example-storage.com' },
    ],
  },
}
