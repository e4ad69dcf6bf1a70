import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { LogOut } from 'lucide-react';
import { base44 } from '@/api/base44Client';

export default function Layout({ children }) {
  const [user, setUser] = useState(null);
  const [checking, setChecking] = useState(true);

  useEffect(() => {
    let cancelled = false;
    async function loadUser() {
      try {
        const me = await base44.auth.me();
        if (!cancelled) setUser(me);
      } catch {
        // Not signed in: send the visitor to the hosted login page and back here.
        base44.auth.redirectToLogin(window.location.href);
      } finally {
        if (!cancelled) setChecking(false);
      }
    }
    loadUser();
    return () => {
      cancelled = true;
    };
  }, []);

  if (checking) {
    return <div className="p-8 text-sm text-gray-500">Loading…</div>;
  }

  return (
    <div className="min-h-screen bg-gray-50">
      <header className="flex items-center justify-between border-b bg-white px-6 py-3">
        <nav className="flex gap-4 text-sm font-medium">
          <Link to="/">Dashboard</Link>
          <Link to="/deals">Deals</Link>
        </nav>
        {user && (
          <div className="flex items-center gap-3 text-sm">
            <span>{user.full_name ?? user.email}</span>
            <button type="button" onClick={() => base44.auth.logout('/')} title="Sign out">
              <LogOut className="h-4 w-4" />
            </button>
          </div>
        )}
      </header>
      <main className="mx-auto max-w-6xl p-6">{children}</main>
    </div>
  );
}
