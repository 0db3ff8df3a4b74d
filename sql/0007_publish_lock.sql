-- Geldigheid under concurrency (issue 8).
--
-- Published versions of one object (a catalogus and an identificatie for
-- a zaaktype, an omschrijving for an informatieobjecttype or besluittype)
-- may not overlap (ztc-016).  catalogi.check_overlap looks for such a
-- version after the write.  Under READ COMMITTED two transactions that
-- each publish a version, or correct a published one's dates, do not see
-- each other's uncommitted row: both checks passed and both committed.
-- The check is now serialised per object with a transaction-level
-- advisory lock, taken before the versions are read.
--
-- Every write that can make two published versions overlap runs the
-- check, and so takes the lock: a publish (catalogi.publish) and a change
-- of a published version (PATCH of eindeGeldigheid, or any change with
-- catalogi.geforceerd-schrijven; ngx_openzaak_ztc_type_after).  A create
-- needs none: "concept" is read-only, a new version is a concept, and
-- concepts do not take part.


-- The lock of one object's versions, held until the transaction ends.
-- Two int4 keys: the first, an arbitrary fixed number, keeps these locks
-- apart from other advisory locks (sql/migrate takes a bigint one, which
-- pg_locks shows with objsubid 1, these with objsubid 2); the second is a
-- hash of the object, so different objects rarely share a lock, and when
-- they do they only wait for each other.  format() renders NULL as ''
-- (a NULL key would make the strict lock function do nothing).

CREATE FUNCTION catalogi.lock_versions(kind text, catalogus uuid, key text)
RETURNS void
LANGUAGE sql VOLATILE AS $$
    SELECT pg_advisory_xact_lock(727302016,
               hashtext(format('%s/%s/%s', kind, catalogus, key)));
$$;


-- As in sql/0006_catalogi_rules.sql, with the lock.  Why this is
-- correct: the transaction that takes the lock second waits until the
-- first has committed or rolled back.  Under READ COMMITTED a VOLATILE
-- function takes a new snapshot for every statement, so the statement
-- after the lock sees the other transaction's committed version and
-- finds the overlap (or sees nothing of a rolled-back one).  The
-- function must stay VOLATILE (sql/0003 declared it STABLE, 0006 made it
-- VOLATILE by leaving the marker out): a STABLE function runs on the
-- snapshot of the statement that called it, taken before the lock.  It
-- takes one lock per call and a write calls it once, after its own
-- UPDATE and before statements that lock rows, so two writes cannot
-- deadlock on it.  (REPEATABLE READ or SERIALIZABLE as the server's
-- default would keep the transaction's first snapshot: the module's
-- sessions run with PostgreSQL's default, READ COMMITTED.)

CREATE OR REPLACE FUNCTION catalogi.check_overlap(kind text, this uuid,
    field text)
RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    keycol text := CASE kind WHEN 'zaaktype' THEN 'identificatie'
                             ELSE 'omschrijving' END;
    c      boolean;
    bad    boolean;
    cat    uuid;
    k      text;
    hit    boolean;
BEGIN
    EXECUTE format('SELECT concept, einde_geldigheid < begin_geldigheid,'
                   ' catalogus, %I FROM catalogi.%I WHERE uuid = $1',
                   keycol, kind)
       INTO c, bad, cat, k USING this;

    -- concepts do not take part; an end before the begin is date-mismatch
    IF c IS NOT FALSE OR bad THEN
        RETURN;
    END IF;

    PERFORM catalogi.lock_versions(kind, cat, k);

    -- a new statement: a new snapshot, taken after the lock
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM catalogi.%1$I o,'
                   ' catalogi.%1$I x WHERE x.uuid = $1 AND o.uuid <> $1'
                   ' AND NOT o.concept AND o.catalogus = x.catalogus'
                   ' AND o.%2$I = x.%2$I'
                   ' AND daterange(o.begin_geldigheid, o.einde_geldigheid,'
                   ' ''[]'') && daterange(x.begin_geldigheid,'
                   ' x.einde_geldigheid, ''[]''))',
                   kind, keycol)
       INTO hit USING this;

    IF hit THEN
        PERFORM zgw.problem(field, 'overlap',
            format('Dit %s komt al voor binnen de catalogus en opgegeven '
                   || 'geldigheidsperiode.', kind));
    END IF;
END
$$;
