"""The Members view and its dialogs: the directory the front desk lives in.

view.MembersView (search, filters, the table, the detail panel, the toolbar) opens
member_dialog.MemberDialog (add and edit), membership_dialog.MembershipDialog (join and renew;
the owner's payment corrections), plans_dialog.PlansDialog, import_dialog.ImportDialog and the
small confirmations in actions_dialogs.  Everything reads and writes through the members
services; the table asks the database for one page at a time.
"""
