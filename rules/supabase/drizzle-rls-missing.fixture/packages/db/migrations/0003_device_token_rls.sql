alter table "device_token" enable row level security;
