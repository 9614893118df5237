"""The core: records, validation, SQLite store, migrations, figures. No Qt here."""
