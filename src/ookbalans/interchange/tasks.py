"""The background tasks of interchange, run by the worker (`ookbalans db_worker`)."""

from django_tasks import task

from ookbalans.interchange import jobs


@task()
def run_import_job(job_id: str) -> str:
    """Import the file of a queued ImportJob; the job holds the progress and the report."""
    return jobs.run_job(job_id)
