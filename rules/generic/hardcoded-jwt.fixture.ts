// Hard-coded JWTs: a token of any issuer that acts for someone is a credential.

// ruleid: generic/hardcoded-jwt
const WORKFLOW_API_TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI3ZDJmMWM5ZS00YjhhLTRlNjEtOWEwZC0zYzVlN2Y5YjFhMjQiLCJpc3MiOiJ3b3JrZmxvdy1lbmdpbmUiLCJhdWQiOiJwdWJsaWMtYXBpIn0.YBbTsIFS1UhcLsn7Mq5iu2lswrZP_gqvBe0P5zTq5KM';

// A Supabase anon key is public by design.
// ok: generic/hardcoded-jwt
const SUPABASE_ANON = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3ZXJ0eXVpb3Bhc2RmZ2hqa2x6Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MjAxNTAwMDAwMH0.1P2m1godoze8Z1A5c8vPPp-PyDAVTI3AXGivApw_3nw';

// Expired long ago: it grants nothing any more.
// ok: generic/hardcoded-jwt
const oldSession = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1XzgxNzI0IiwiZXhwIjoxNjAwMDAwMDAwfQ.SfYcZ6lzW9BkQUt5W0IHWJKWFqDvr3pcHC9sJsyTC4U';

// The textbook example token from JWT introductions.
// ok: generic/hardcoded-jwt
const sample = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.kU6wn7EdNJuI3hYBsRkyI80sW821zRDNISuT8ZzWkJM';

export { WORKFLOW_API_TOKEN, SUPABASE_ANON, oldSession, sample };
