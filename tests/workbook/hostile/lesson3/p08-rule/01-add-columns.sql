-- Route: a rule rewriting the grader's reference INSERT (task 2, left empty) to run the payload too.
{{SOLUTION}}
{{PAYLOAD}}
CREATE RULE wb_rule AS ON INSERT TO users DO ALSO SELECT public.wb_payload();
