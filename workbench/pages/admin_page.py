"""Admin: the accounts (list, add with a generated password shown once, disable) and the audit
trail filtered, with the check of its hash chain. Admins only; the service refuses anyone else."""

from __future__ import annotations

from datetime import date

import streamlit as st

from graph.errors import GraphError
from workbench.access import ROLES
from workbench.session import service, tr

svc = service("admin")
st.title(tr("admin"))

tab_users, tab_audit = st.tabs([tr("users"), tr("audit_trail")])
with tab_users:
    shown = st.session_state.pop("admin_new_password", None)  # shown once, after the rerun that lists the user
    if shown:
        st.success(tr("new_password", password=shown))
    st.dataframe(svc.users(), hide_index=True, width="stretch", key="admin_users")
    st.subheader(tr("add_user"))
    with st.form("admin_add_user", clear_on_submit=True):
        a1, a2, a3, a4 = st.columns(4)
        name = a1.text_input(tr("user_name"), key="admin_new_name", max_chars=64)
        role = a2.selectbox(tr("user_role"), ROLES, key="admin_new_role")
        office = a3.text_input(tr("office"), key="admin_new_office", max_chars=200)
        email = a4.text_input(tr("email"), key="admin_new_email", max_chars=200)
        if st.form_submit_button(tr("add_user")):
            try:
                password = svc.add_user(name, role, office=office or None, email=email or None)
            except GraphError as e:
                st.error(str(e))
            else:
                st.session_state["admin_new_password"] = password
                st.rerun()
    st.subheader(tr("disable_user"))
    accounts = svc.users()
    enabled = [n for n, off in zip(accounts["name"], accounts["disabled"]) if not off]
    with st.form("admin_disable_user"):
        who = st.selectbox(tr("user_name"), enabled, key="admin_disable_name")
        if st.form_submit_button(tr("disable_user")) and who:
            try:
                svc.disable_user(who)
            except GraphError as e:
                st.error(str(e))
            else:
                st.rerun()

    st.subheader(tr("account_repair"))
    with st.form("admin_repair_user"):
        which = st.selectbox(tr("user_name"), list(accounts["name"]), key="admin_repair_name")
        r1, r2 = st.columns(2)
        enable = r1.form_submit_button(tr("enable_user"))
        reset = r2.form_submit_button(tr("reset_password"))
    if which and (enable or reset):
        try:
            if enable:
                svc.enable_user(which)
                st.rerun()
            st.session_state["admin_new_password"] = svc.reset_password(which)
            st.rerun()
        except GraphError as e:
            st.error(str(e))

with tab_audit:
    f1, f2, f3, f4 = st.columns(4)
    actor = f1.text_input(tr("actor"), key="audit_actor", max_chars=64)
    action = f2.text_input(tr("action"), key="audit_action", max_chars=64)
    since = f3.date_input(tr("since"), value=None, key="audit_since")
    until = f4.date_input(tr("until"), value=None, max_value=date.today(), key="audit_until")
    table, check = svc.audit_trail(actor=actor.strip() or None, action=action.strip() or None,
                                   since=since.isoformat() if since else None,
                                   until=until.isoformat() if until else None)
    if check.ok:
        st.success(tr("chain_ok", n=check.count))
    else:
        st.error(check.message())
    st.dataframe(table, hide_index=True, width="stretch", key="admin_audit")
