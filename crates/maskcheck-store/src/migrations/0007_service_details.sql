-- Schema 7. How a document was served, as the law asks for each method: the reason given when the party refused
-- it and the witness present (留置送达), and whether the party consented to electronic service (电子送达).
ALTER TABLE document_service ADD COLUMN refusal TEXT;
ALTER TABLE document_service ADD COLUMN witness TEXT;
ALTER TABLE document_service ADD COLUMN consented INTEGER NOT NULL DEFAULT 0 CHECK (consented IN (0, 1));
