"""Forms of the applicant pages. They parse input; the domain functions decide and write."""
