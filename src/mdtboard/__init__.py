"""mdtboard: multidisciplinary pain-medicine case conferences."""

__version__ = "0.1.0"
