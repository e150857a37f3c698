"""Adapters: the only modules that import boto3/botocore or opensearch-py."""
