-- Zaken API 1.5.1: /zaken/{zaak_uuid}/besluiten, the besluiten of a zaak.
-- The Besluiten API keeps it (brc-006: a besluit with a zaak adds its row
-- here in the same transaction); until that API exists the relation can
-- be read, and is empty.
CREATE TABLE zaken.zaakbesluit (
    uuid     uuid PRIMARY KEY,
    id       bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    zaak     uuid NOT NULL REFERENCES zaken.zaak (uuid) ON DELETE CASCADE,
    -- the key of the besluit (besluiten.besluit when that table exists)
    besluit  uuid NOT NULL,
    CONSTRAINT zaakbesluit_zaak_besluit_key UNIQUE (zaak, besluit)
);
