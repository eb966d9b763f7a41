"""The application database, shared by the guide content (knowledge/) and user data
(userdata/): one engine per process, SQLite settings, the table metadata and its migrations."""
