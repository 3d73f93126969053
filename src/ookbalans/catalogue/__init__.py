"""The local offering of a coalition: organisations, services, locations and contact points."""
