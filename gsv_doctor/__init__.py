"""gsv-doctor: diagnose and fix float16 / device problems of GPT-SoVITS."""

__version__ = "0.1.0"
