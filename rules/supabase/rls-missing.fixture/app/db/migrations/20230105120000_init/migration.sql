-- An ORM's migration folder in the same Supabase workspace: its tables land in public too.
-- ruleid: supabase/rls-missing
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- ok: supabase/rls-missing
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "Invoice" ENABLE ROW LEVEL SECURITY;
