"""What users told careerbot, keyed by channel-namespaced conversation ids: their profiles.
Changes for privacy and retention reasons, not when the guide changes (that is knowledge/)."""
