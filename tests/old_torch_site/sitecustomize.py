# Put this folder on PYTHONPATH to make a child Python behave like torch 2.0.1 on CPU.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import old_torch  # noqa: E402

old_torch.install()
