"""Studio Desk (委员工作室履职台账)."""

__version__ = "0.1.0"
APP_NAME = "StudioDesk"
APP_TITLE = "委员工作室履职台账"
