"""Time: temporal expressions found by ``rules``, valued by ``resolve``, set on the Doc by
the ``kg_times`` component (``component``)."""
