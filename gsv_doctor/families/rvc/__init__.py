"""The RVC WebUI family (RVC-Project/Retrieval-based-Voice-Conversion-WebUI, every version):
detect its folder, read `Config` statically and by running it in a throw-away copy, give
per-entry-point verdicts and plan the fix."""
from gsv_doctor.families.rvc.fixes import plan
from gsv_doctor.families.rvc.layout import is_root
from gsv_doctor.families.rvc.verdicts import RvcProject, Verdict, predict, read
from gsv_doctor.families.rvc.runner import machine_from_report

NAME = "rvc"
TITLE = "RVC WebUI"

__all__ = ["NAME", "TITLE", "RvcProject", "Verdict", "is_root", "machine_from_report", "plan", "predict", "read"]
