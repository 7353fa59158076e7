"""Pages of the accounts app: sign-in and passwords (auth), two-factor, the user's own profile, user management."""
