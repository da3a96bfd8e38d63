"""Relations: role titles (``titles``), verb and noun frames (``patterns``), event places
(``places``) and quantities (``quantities``), put together by the ``kg_relations`` component
(``component``)."""
