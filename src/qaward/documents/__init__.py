"""Files: private storage with checked uploads and permission-checked downloads; later also the
generated PDF (公文 style) and Excel documents."""
