"""Forms compiled from ui/*.ui by `make forms`. Generated code: do not edit."""
