//! Share links: the whole form as a readable URL query string keyed by CLI option names.
