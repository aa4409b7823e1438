"""The widgets of 数据管理: templates, import with its check and confirmation, the audit log and
the backup. Every write goes through data_access.importing, exactly as the command line does."""

from components.data_admin.backup import backup
from components.data_admin.importer import importer
from components.data_admin.log import audit_log
from components.data_admin.scope import editor_scope
from components.data_admin.templates import templates

__all__ = ["audit_log", "backup", "editor_scope", "importer", "templates"]
