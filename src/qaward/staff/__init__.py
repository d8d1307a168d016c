"""Staff-facing pages (评委办 and platform staff): views, templates and forms only."""
