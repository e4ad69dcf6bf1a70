create table if not exists orders (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  sku text not null,
  quantity integer not null check (quantity between 1 and 99),
  status text not null default 'pending' check (status in ('pending', 'paid', 'cancelled')),
  created_at timestamptz not null default now()
);

create index if not exists orders_user_id_created_at_idx on orders (user_id, created_at desc);

create table if not exists uploads (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  original_name text not null,
  stored_name text not null unique,
  mime_type text not null,
  size_bytes integer not null,
  created_at timestamptz not null default now()
);
