FROM fedora:40
# expect: DV120:20
RUN dnf install -y mysql-server && dnf clean all
EXPOSE 3306
CMD ["mysqld", "--user=mysql"]
