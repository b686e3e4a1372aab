-- =============================================================================
-- schema.sql  --  a plain-PostgreSQL (15+) imitation of what users really have
--                 in a Supabase project that holds a "knowledge base".
--
-- Run it as a SUPERUSER (CREATE ROLE ... BYPASSRLS needs one), e.g.
--     psql -v ON_ERROR_STOP=1 -h HOST -p PORT -U postgres -d kbtest -f schema.sql
--     psql -v ON_ERROR_STOP=1 -h HOST -p PORT -U postgres -d kbtest -f rows.sql
-- The file has NO psql backslash commands, so it can also be sent as one string
-- through JDBC (Statement.execute) -- dollar-quoted DO blocks are used only.
--
-- Needs nothing beyond core PostgreSQL 13+: gen_random_uuid() is built in since
-- PostgreSQL 13 (no pgcrypto needed). pgvector is NOT used: embeddings are real[].
--
-- It is idempotent: it drops and recreates the three tables, and creates the
-- roles only if they are missing (it re-sets the test passwords every time).
--
-- ROLES AND PASSWORDS (cluster-wide objects!)
--   Supabase-like, NOLOGIN:  anon, authenticated (NOINHERIT), service_role
--                            (NOINHERIT, BYPASSRLS)
--   Test LOGIN roles:
--     kb_reader        password  S3cr3t-MARKER-p@ss:w/rd#?&%+= x
--                      (the hostile marker password of urls.md; a successful
--                       login proves the tool decoded the URL correctly; tests
--                       grep every output/log for "MARKER" -> must never appear)
--                      SELECT on all three tables + RLS policies that let it
--                      read knowledge_base (all rows) and documents (all rows
--                      except metadata->>'visibility' = 'private').
--     kb_reader_simple password  kb_reader_simple_pw
--                      same rights as kb_reader, for tests that want a boring
--                      password.
--     kb_nopolicy      password  kb_nopolicy_pw
--                      SELECT granted on public.knowledge_base only, NO policy
--                      for it -> SELECT succeeds and silently returns 0 rows.
--                      (No grant on documents / kb_chunks -> 42501 there.)
--     kb_nogrant       password  kb_nogrant_pw
--                      no table privilege at all -> every SELECT fails with
--                      SQLSTATE 42501 "permission denied for table ...".
--   To use other passwords, substitute the literal strings below (each appears
--   exactly once, inside PASSWORD '...'), e.g.
--     sed "s/kb_nopolicy_pw/$NEWPW/" schema.sql | psql ...
--   The marker contains @ : / # ? & % + = and one space but no quote or
--   backslash, so it is an ordinary SQL literal.
--
-- Table owner (whoever runs this script; "postgres" on Supabase) bypasses RLS
-- because FORCE ROW LEVEL SECURITY is not set -- exactly like Supabase, where
-- connecting as "postgres" shows every row in the SQL editor.
-- =============================================================================

SET client_min_messages = warning;
SET search_path = public;

-- ---------------------------------------------------------------------------
-- Roles
-- ---------------------------------------------------------------------------
DO $roles$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN
    CREATE ROLE anon NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
    CREATE ROLE authenticated NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'service_role') THEN
    CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS;
  END IF;

  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kb_reader') THEN
    CREATE ROLE kb_reader LOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kb_reader_simple') THEN
    CREATE ROLE kb_reader_simple LOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kb_nopolicy') THEN
    CREATE ROLE kb_nopolicy LOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kb_nogrant') THEN
    CREATE ROLE kb_nogrant LOGIN;
  END IF;
END
$roles$;

-- ALTER ROLE ... PASSWORD is outside the DO block so the literal is easy to sed.
-- (PostgreSQL 15 default password_encryption = scram-sha-256.)
ALTER ROLE kb_reader        LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'S3cr3t-MARKER-p@ss:w/rd#?&%+= x';
ALTER ROLE kb_reader_simple LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'kb_reader_simple_pw';
ALTER ROLE kb_nopolicy      LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'kb_nopolicy_pw';
ALTER ROLE kb_nogrant       LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'kb_nogrant_pw';

-- ---------------------------------------------------------------------------
-- Clean slate (policies and grants go away with the tables)
-- ---------------------------------------------------------------------------
DROP TABLE IF EXISTS public.knowledge_base CASCADE;
DROP TABLE IF EXISTS public.documents      CASCADE;
DROP TABLE IF EXISTS public.kb_chunks      CASCADE;

-- ---------------------------------------------------------------------------
-- (a) Dashboard-created table ("Table editor" -> RLS enabled by default)
-- ---------------------------------------------------------------------------
CREATE TABLE public.knowledge_base (
  id          uuid        DEFAULT gen_random_uuid() PRIMARY KEY,
  title       text,
  content     text        NOT NULL,
  category    text,
  subcategory text,
  tags        text[],
  metadata    jsonb,
  embedding   real[],
  created_at  timestamptz DEFAULT now(),
  updated_at  timestamptz
);
COMMENT ON TABLE public.knowledge_base IS 'Coach knowledge base (fixture). RLS on, as created in the Supabase dashboard.';

-- ---------------------------------------------------------------------------
-- (b) LangChain / pgvector "SupabaseVectorStore" shape; category lives in
--     metadata->>'category'. vector(1536) replaced by real[].
-- ---------------------------------------------------------------------------
CREATE TABLE public.documents (
  id        bigserial PRIMARY KEY,
  content   text,
  metadata  jsonb,
  embedding real[]
);

-- ---------------------------------------------------------------------------
-- (c) Hand-rolled table with different column names; created from the SQL
--     editor, so RLS is OFF (Supabase only warns about it).
-- ---------------------------------------------------------------------------
CREATE TABLE public.kb_chunks (
  chunk_id    text PRIMARY KEY,
  chunk_text  text,
  topic       text,
  source_url  text,
  inserted_at timestamp          -- WITHOUT time zone, on purpose
);

-- ---------------------------------------------------------------------------
-- Supabase grants everything in "public" to the API roles through default
-- privileges; RLS is what actually protects the data. Recreate that.
-- ---------------------------------------------------------------------------
GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
GRANT ALL ON public.knowledge_base, public.documents, public.kb_chunks
  TO anon, authenticated, service_role;
GRANT USAGE, SELECT ON SEQUENCE public.documents_id_seq TO anon, authenticated, service_role;

-- Test roles
GRANT USAGE ON SCHEMA public TO kb_reader, kb_reader_simple, kb_nopolicy, kb_nogrant;
GRANT SELECT ON public.knowledge_base, public.documents, public.kb_chunks
  TO kb_reader, kb_reader_simple;
GRANT SELECT ON public.knowledge_base TO kb_nopolicy;
-- kb_nogrant: deliberately nothing. Make sure nothing leaks in via PUBLIC:
REVOKE ALL ON public.knowledge_base, public.documents, public.kb_chunks FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- (e) Row-level security
-- ---------------------------------------------------------------------------
ALTER TABLE public.knowledge_base ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.documents      ENABLE ROW LEVEL SECURITY;
-- kb_chunks: RLS stays disabled.

-- Names with spaces and quotes, as the dashboard templates create them.
CREATE POLICY "Enable read access for authenticated users"
  ON public.knowledge_base AS PERMISSIVE FOR SELECT
  TO authenticated USING (true);

CREATE POLICY "kb_reader can read the knowledge base"
  ON public.knowledge_base AS PERMISSIVE FOR SELECT
  TO kb_reader, kb_reader_simple USING (true);

-- no policy mentions kb_nopolicy or anon on knowledge_base -> 0 rows, no error.

CREATE POLICY "kb_reader can read non-private documents"
  ON public.documents AS PERMISSIVE FOR SELECT
  TO kb_reader, kb_reader_simple
  USING (coalesce(metadata ->> 'visibility', 'public') <> 'private');

-- anon may read "public" documents only (as a typical RAG demo does):
CREATE POLICY "Public documents are readable by anon"
  ON public.documents AS PERMISSIVE FOR SELECT
  TO anon
  USING (metadata ->> 'visibility' = 'public');

-- ---------------------------------------------------------------------------
-- Sanity: what a tool can look up to explain "0 rows" (relrowsecurity etc.)
--   SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
--    WHERE oid IN ('public.knowledge_base'::regclass, 'public.documents'::regclass,
--                  'public.kb_chunks'::regclass);
--   SELECT * FROM pg_policies WHERE schemaname = 'public';
--   SELECT has_table_privilege('kb_nogrant', 'public.knowledge_base', 'SELECT');
-- ---------------------------------------------------------------------------
