"""Every request runs inside an audit context naming its client's address. Imports no models: the
portal zone, which does not install the audit app, shares the middleware list."""

import contextvars

from .context import audit_context, client_address


def audit_context_middleware(get_response):
    def middleware(request):
        with audit_context(source=client_address(request)):
            response = get_response(request)
            if response.streaming and not response.is_async and getattr(response, "file_to_stream", None) is None:
                # A generator's chunks are produced after this function returns: each runs in the request's context.
                response.streaming_content = _chunks_within(contextvars.copy_context(), response.streaming_content)
        return response

    return middleware


def _chunks_within(context: contextvars.Context, chunks):
    iterator = iter(chunks)
    while True:
        try:
            chunk = context.run(next, iterator)
        except StopIteration:
            return
        yield chunk
