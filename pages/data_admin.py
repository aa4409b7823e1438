"""数据管理: templates, imports checked before anything is written, the audit log and backups.

Editors import rows of their own communities; admins import every table, read the audit log and
download backups. The page is declared for editors: others see the sign-in form instead.
"""

from components.guard import ensure_app_entry

ensure_app_entry()

import streamlit as st

from components import data_admin
from components.auth import current_user
from components.i18n import t
from data_access.importing.spec import tables_for

user = current_user()
tables = tables_for(user)

st.title(t("admin.title"))
st.caption(t("admin.subtitle"))
data_admin.editor_scope(user)

st.header(t("admin.templates"))
data_admin.templates(tables)

st.header(t("admin.import"))
data_admin.importer(user, tables)

if user.role == "admin":
    st.header(t("admin.log"))
    data_admin.audit_log()
    st.header(t("admin.backup"))
    data_admin.backup(user)
